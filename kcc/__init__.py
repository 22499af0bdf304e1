"""KCC Kennisbank: settings, the search/answer core and the command line."""
