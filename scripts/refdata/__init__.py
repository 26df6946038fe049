"""The reference data build, one module per source (see scripts/build_reference_data.py)."""
