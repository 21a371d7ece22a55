"""Load, validate and clean the articles in ``content/``."""

from .article import Article
from .loader import decode, load_articles, read_article, slugify

__all__ = ["Article", "decode", "load_articles", "read_article", "slugify"]
