"""Static files for production: whitenoise's compressed manifest storage, tolerant of one
kind of fault in third-party packages.

`collectstatic` rewrites every `url(...)` in a CSS file to the hashed name of the file it
names, and fails when that file does not exist. django-viewflow 2.4's wheel ships a stray copy of
`roboto-fontface.css` under `viewflow/fonts/roboto/node_modules/…/css/roboto/` whose `url()`s
point at fonts beside it that the wheel does not ship (the fonts are in `viewflow/fonts/roboto/`,
used by the copy viewflow's pages load). Nothing loads the stray copy, but its broken references
made `collectstatic` exit 1, and without a manifest every page answers 500.

Here a reference to a missing file is left as it was written (and reported once per run) when
the CSS file that makes it belongs to a package listed in `TOLERATE_MISSING_IN`; anywhere
else, our own `static/` included, a missing file still fails `collectstatic`.
"""

import logging
import posixpath

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage

log = logging.getLogger(__name__)

# Path prefixes (inside STATIC_ROOT) of third-party files whose references may name files the
# package does not ship. Settings may replace it: STATICFILES_TOLERATE_MISSING_IN.
TOLERATE_MISSING_IN = ("viewflow/",)


class ManifestStorage(CompressedManifestStaticFilesStorage):
    """Hashed, compressed, cached forever; missing targets tolerated in listed packages only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.tolerated: list[tuple[str, str]] = []  # (css file, reference left unhashed)

    @staticmethod
    def _prefixes() -> tuple[str, ...]:
        return tuple(getattr(settings, "STATICFILES_TOLERATE_MISSING_IN", TOLERATE_MISSING_IN))

    def url_converter(self, name, hashed_files, template=None):
        convert = super().url_converter(name, hashed_files, template)
        source = name.replace("\\", "/")
        if not source.startswith(self._prefixes()):
            return convert

        def tolerant(matchobj):
            try:
                return convert(matchobj)
            except ValueError:
                url = matchobj.groupdict()["url"]
                target = posixpath.normpath(posixpath.join(posixpath.dirname(source),
                                                           url.split("#")[0].split("?")[0]))
                if self.exists(target):
                    raise  # not a missing file: some other fault, keep failing
                if (source, url) not in self.tolerated:
                    self.tolerated.append((source, url))
                    log.warning("static: %s references %s, which its package does not ship; "
                                "left unhashed", source, url)
                return matchobj.groupdict()["matched"]

        return tolerant
