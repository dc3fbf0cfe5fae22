"""The Django project's pages: urls, views, forms, presenters, templates and static files.

The models and services they use are :mod:`unstuck.app`'s. Settings come from the environment
(see ``settings.py``); the knowledge base is read-only and loaded once per process through
:func:`unstuck.knowledge.store.get_knowledge_base`.
"""
