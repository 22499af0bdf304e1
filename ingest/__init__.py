"""Ingestion: articles and reference documents into the vector store, with Haystack."""
