"""The WSGI application (``unstuck serve`` runs it with waitress; any WSGI server can).

Starting it writes the secret key when there is none yet, then sets Django up.
"""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

from unstuck.app import SETTINGS_MODULE, write_secret_key

write_secret_key()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
application = get_wsgi_application()
