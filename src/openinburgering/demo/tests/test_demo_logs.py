"""The demo's terminal: the task worker's routine lines stay out, its failures and our own lines
stay in."""

import logging

from openinburgering.conf.logs import ZonderTaakregels


def _regel(naam, niveau):
    return logging.LogRecord(naam, niveau, __file__, 1, "Task id=x state=SUCCESSFUL", (), None)


def test_routine_task_lines_are_left_out_and_failures_and_our_lines_stay():
    filter_ = ZonderTaakregels()
    assert not filter_.filter(_regel("django_tasks_db", logging.INFO))
    assert not filter_.filter(_regel("django_tasks", logging.DEBUG))
    assert filter_.filter(_regel("django_tasks_db", logging.ERROR))
    assert filter_.filter(_regel("openinburgering.integrations.duo.verwerking", logging.INFO))
