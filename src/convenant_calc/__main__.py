from convenant_calc.cli.fastpath import main

main()
