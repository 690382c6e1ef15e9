"""Where the tasks run: datatrove's local executor (`--workers N`, the default), or Slurm or Ray
as a TOML file's `[executor]` table says (`kind = "slurm"` plus the executor's own arguments)."""
from __future__ import annotations

import tomllib
from pathlib import Path

KINDS = ("local", "slurm", "ray")


class ConfigError(Exception):
    """An executor configuration that cannot be used."""


def read_config(path: str | None) -> dict:
    """The `[executor]` table of a TOML file ({} without a file: the local executor)."""
    if path is None:
        return {}
    try:
        table = tomllib.loads(Path(path).read_text(encoding="utf-8")).get("executor", {})
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: {getattr(exc, 'strerror', None) or exc}") from None
    if table.get("kind", "local") not in KINDS:
        raise ConfigError(f"{path}: executor kind must be one of {', '.join(KINDS)}")
    return table


def make_executor(config: dict, pipeline: list, *, tasks: int, logging_dir: str, workers: int,
                  depends=None, job_name: str = "ingest-archive"):
    """An executor of `kind` for `tasks` tasks; the config's other keys go to its constructor."""
    try:
        return _make(config, pipeline, tasks, logging_dir, workers, depends, job_name)
    except (TypeError, ValueError) as exc:  # a key the executor does not take, a bad value
        raise ConfigError(f"{config.get('kind', 'local')} executor: {exc}") from None


def _make(config: dict, pipeline: list, tasks: int, logging_dir: str, workers: int, depends, job_name: str):
    options = {k: v for k, v in config.items() if k != "kind"}
    kind = config.get("kind", "local")
    common = dict(tasks=tasks, logging_dir=logging_dir, depends=depends, skip_completed=True)
    if kind == "local":
        from datatrove.executor import LocalPipelineExecutor

        # fork: workers inherit the imported cleaning libraries and the quiet logging setup.
        options.setdefault("workers", min(workers, tasks))
        return LocalPipelineExecutor(pipeline, start_method="fork", **common, **options)
    if kind == "slurm":
        from datatrove.executor import SlurmPipelineExecutor

        options.setdefault("job_name", job_name)
        return SlurmPipelineExecutor(pipeline, **common, **options)
    try:
        import ray
    except ImportError:
        raise ConfigError("the ray executor needs Ray: pip install 'datatrove[ray]'") from None
    from datatrove.executor.ray import RayPipelineExecutor

    if "address" in options:  # else Ray joins the cluster `ray start` made here, or starts one
        ray.init(address=options.pop("address"), ignore_reinit_error=True)
    return RayPipelineExecutor(pipeline, **common, **options)


def quiet_task_logs() -> None:
    """datatrove writes each task's log, and a failed task's traceback, to stderr as well as to
    its log file; keep them in the log file (under --state) so stderr holds our summary only."""
    from datatrove.executor import base
    from datatrove.utils.logging import logger

    def to_file_only(logging_dir, rank: int, local_rank: int = 0, node_rank: int = -1):
        logger.remove()
        logfile = logging_dir.open(f"logs/task_{rank:05d}.log", "w")
        logger.add(logfile, level="DEBUG", colorize=False)
        return logfile

    def close(logfile) -> None:
        logger.complete()
        logger.remove()
        logfile.close()

    base.add_task_logger, base.close_task_logger = to_file_only, close
    logger.remove()
