from ..validation.conftest import case  # noqa: F401  (the small case written to tmp_path)
