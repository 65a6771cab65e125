"""Scripts behind make lock, make bench and make experiments; run them as modules."""
