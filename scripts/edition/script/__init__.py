"""Writing systems: the Simplified conversion (OpenCC tables and the edition's rules) and search forms."""
