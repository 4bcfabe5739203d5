"""Start-up, command line and wiring of the Tijian desktop program."""
