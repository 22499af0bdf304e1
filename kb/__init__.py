"""The knowledge base domain: articles, loading and validation."""

from kb.loader import ArticleError, LoadResult, Problem, load_article, load_kb
from kb.model import Article, Section

__all__ = ["Article", "ArticleError", "LoadResult", "Problem", "Section", "load_article", "load_kb"]
