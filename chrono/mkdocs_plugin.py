"""A MkDocs plugin: the chronology's pages inside an existing MkDocs site.

    plugins:
      - search
      - chrono:
          inputs: [articles/]          # read and extract articles (paths relative to mkdocs.yml)
          # timeline: timeline.json    # ...or use a timeline `chrono extract` wrote
          prefix: chronology           # folder of the generated pages in the site (default: chrono)

The pages are the ones `chrono build` makes, added as generated files under `prefix/`; add
`prefix/index.md` to your `nav:` to link them.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from chrono.errors import ChronoError, Level
from chrono.models import Timeline
from chrono.site.mkdocs_config import MARKDOWN_EXTENSIONS

log = logging.getLogger("mkdocs.plugins.chrono")


class ChronoConfig(Config):
    inputs = c.ListOfItems(c.Type(str), default=[])
    timeline = c.Optional(c.Type(str))
    prefix = c.Type(str, default="chrono")
    templates = c.Optional(c.Type(str))


class ChronoPlugin(BasePlugin[ChronoConfig]):
    """Adds the chronology's Markdown pages, CSS and timeline.json to the site's files."""

    def _base(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path or ".").resolve().parent

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if bool(self.config.inputs) == bool(self.config.timeline):
            raise PluginError(
                "chrono: set exactly one of `inputs` (articles) or `timeline` (a timeline JSON)"
            )
        prefix = self.config.prefix.strip("/")
        if not prefix or ".." in prefix.split("/"):
            raise PluginError(f"chrono: prefix {self.config.prefix!r} must be a folder inside docs")
        for extension in MARKDOWN_EXTENSIONS:
            name = extension if isinstance(extension, str) else next(iter(extension))  # type: ignore[call-overload]
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        config.extra_css.append(f"{prefix}/assets/chrono.css")
        return config

    def _timeline(self, base: Path) -> Timeline:
        from chrono import pipeline

        if self.config.timeline:
            path = base / self.config.timeline
            try:
                return Timeline.model_validate_json(path.read_bytes())
            except (OSError, ValueError) as error:
                raise PluginError(f"chrono: {path}: cannot read the timeline: {error}") from None
        try:
            result = pipeline.extract([base / p for p in self.config.inputs])
        except ChronoError as error:
            raise PluginError(f"chrono: {error}") from None
        for problem in result.problems:
            # Errors fail a strict build; warnings (an undated article) are the review page's job.
            (log.warning if problem.level is Level.ERROR else log.info)(str(problem))
        return result.timeline

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        from chrono.render import site_files

        base = self._base(config)
        timeline = self._timeline(base)
        templates = base / self.config.templates if self.config.templates else None
        prefix = self.config.prefix.strip("/")
        try:
            generated = site_files(timeline, templates, directory_urls=config.use_directory_urls)
        except ChronoError as error:
            raise PluginError(f"chrono: {error}") from None
        for path, content in generated.items():
            files.append(File.generated(config, f"{prefix}/{path}", content=content))
        return files

    # chrono's pre-rendered event HTML skips Markdown here too, as in `chrono build` (see mkdocs_hooks).
    def on_page_markdown(self, markdown: str, page: Any, **kwargs: Any) -> str:
        from chrono.site import mkdocs_hooks

        return mkdocs_hooks.on_page_markdown(markdown, page, **kwargs)

    def on_page_content(self, html: str, page: Any, **kwargs: Any) -> str:
        from chrono.site import mkdocs_hooks

        return mkdocs_hooks.on_page_content(html, page, **kwargs)
