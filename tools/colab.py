"""Google Colab's stack for ``make test-colab``: its versions, installed as Colab has them.

``[tool.course] colab`` in pyproject.toml lists the versions Colab preinstalls of
what the course uses. ``requirements`` prints them for ``pip install -r``;
``constraints`` prints the version of every package installed now, and
constraints.txt's pins (for the running Python) of every other package, so that the
test tools install beside Colab's stack without moving anything in it; ``check`` compares what is installed with
Colab's list and exits with an error naming each difference. Only the standard
library and ``packaging`` (which TensorFlow brings) are needed.
"""

from __future__ import annotations

import argparse
import sys
from importlib import metadata

from tools import ROOT
from tools.lock import colab_versions, course_settings


def requirements(settings: dict) -> list[str]:
    """Colab's pins, one ``name==version`` line each."""
    return [f"{name}=={version}" for name, version in colab_versions(settings).items()]


def installed() -> dict[str, str]:
    """The version of every distribution in this environment, by canonical name."""
    from packaging.utils import canonicalize_name

    return {
        canonicalize_name(d.metadata["Name"]): d.version
        for d in metadata.distributions()
    }


def constraints(lock_text: str, present: dict[str, str]) -> list[str]:
    """``present``'s versions held, then the lock's pins for every other package."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    lines = [f"{name}=={version}" for name, version in sorted(present.items())]
    for line in lock_text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        requirement = Requirement(line)
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        if canonicalize_name(requirement.name) not in present:
            lines.append(f"{requirement.name}{requirement.specifier}")
    return lines


def differences(settings: dict) -> list[str]:
    """Each package (and the Python) whose installed version is not Colab's, in words."""
    found = []
    python = ".".join(map(str, sys.version_info[:2]))
    if python != settings["colab-python"]:
        found.append(f"Python: {python} running, Colab has {settings['colab-python']}")
    for name, version in colab_versions(settings).items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            found.append(f"{name}: not installed (Colab has {version})")
            continue
        if installed != version:
            found.append(f"{name}: {installed} installed, Colab has {version}")
    return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["requirements", "constraints", "check"])
    args = parser.parse_args(argv)
    settings = course_settings()
    if args.what == "requirements":
        print("\n".join(requirements(settings)))
    elif args.what == "constraints":
        lock_text = (ROOT / "constraints.txt").read_text()
        print("\n".join(constraints(lock_text, installed())))
    else:
        found = differences(settings)
        if found:
            sys.exit("Not Colab's versions:\n  " + "\n  ".join(found))
        count, python = len(settings["colab"]), settings["colab-python"]
        print(f"Colab's versions of {count} packages, on Python {python}")


if __name__ == "__main__":
    main()
