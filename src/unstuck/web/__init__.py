"""The Django project: user data, web pages and auth.

Settings come from the environment (see ``settings.py``); the knowledge base is read-only and
loaded once per process through :func:`unstuck.knowledge.store.get_knowledge_base`.
"""
