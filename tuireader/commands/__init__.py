"""Command-line commands, one module per area; cli.py registers them."""
