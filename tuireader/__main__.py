from tuireader.cli import main

main()
