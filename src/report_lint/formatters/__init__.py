"""Built-in output formats. Each module is a plugin registering one formatter."""
