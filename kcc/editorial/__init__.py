"""Editors' work on the knowledge base: versions, publishing, content checks, question variants, work lists."""
