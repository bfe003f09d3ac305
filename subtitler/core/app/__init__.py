"""The application layer every front (CLI, GUI) calls: one media file end to end (jobs), the job
queue's model, the media cache a job fills and the editor reuses, the editor's edit commands,
services (engine, settings, API key), user preferences and versions. The top of the core: it may
import every stage, and no stage imports it.
"""
