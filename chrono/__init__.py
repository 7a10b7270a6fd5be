"""chrono: turn news articles into one trustworthy, cited chronology."""

__version__ = "0.1.0"

__all__ = ["__version__"]
