"""The static site: Markdown pages from Jinja2 templates, a small mkdocs.yml, and `mkdocs build`."""
