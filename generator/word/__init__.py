"""Word documents: raw XML helpers (oxml), the block writer, and the reference document."""
