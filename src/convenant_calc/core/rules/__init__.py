"""The rules of SPEC §2, one module per cluster of articles; pure functions, no I/O.

- :mod:`.funding`   — Art. 2: pools (S2), which results are met (S4), result payout (S3)
- :mod:`.staffing`  — Art. 5: the FTE employed each day (S5)
- :mod:`.absences`  — Art. 5: absences, the guaranteed-wage window and relapses, replacements (S6–S8)
- :mod:`.shortfall` — Art. 5: FTE-days short (S9)
- :mod:`.subsidy`   — Art. 5 and the settlement: deduction (S10), subsidy (S11), balance (S12)
"""
