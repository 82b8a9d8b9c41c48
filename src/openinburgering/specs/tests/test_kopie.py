"""The project's copies of the public specifications are complete and unchanged, and nothing in
the repository reads a specification from outside it (a plain clone must stand alone)."""

import hashlib
import re
import tomllib
from pathlib import Path

import pytest
import yaml

from openinburgering import specs
from openinburgering.duo_simulator.spec import MEEGELEVERDE_SPECMAP, laad_specs, standaard_specmap

REPO_ROOT = Path(specs.__file__).resolve().parents[3]
EIGEN_BESTANDEN = {"SOURCE.md", "SHA256SUMS"}


def _manifest(map_: Path) -> dict[str, str]:
    regels = (map_ / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    uit = {}
    for regel in regels:
        som, naam = regel.split(maxsplit=1)
        uit[naam.lstrip("*")] = som
    return uit


def afwijkingen(map_: Path) -> list[str]:
    """Files that differ from the manifest: changed, added or missing."""
    manifest = _manifest(map_)
    aanwezig = {
        p.relative_to(map_).as_posix()
        for p in map_.rglob("*")
        if p.is_file() and p.name not in EIGEN_BESTANDEN and "__pycache__" not in p.parts
    }
    uit = [f"not in SHA256SUMS: {naam}" for naam in sorted(aanwezig - set(manifest))]
    uit += [f"missing: {naam}" for naam in sorted(set(manifest) - aanwezig)]
    uit += [
        f"changed: {naam}"
        for naam in sorted(set(manifest) & aanwezig)
        if hashlib.sha256((map_ / naam).read_bytes()).hexdigest() != manifest[naam]
    ]
    return uit


@pytest.mark.parametrize("map_", [specs.DUO_M2M, specs.BRP], ids=["duo-m2m", "brp"])
def test_copy_matches_its_checksum_manifest(map_):
    assert len(_manifest(map_)) >= 2
    assert afwijkingen(map_) == []


@pytest.mark.parametrize("map_", [specs.DUO_M2M, specs.BRP], ids=["duo-m2m", "brp"])
def test_copy_says_where_it_came_from(map_):
    bron = (map_ / "SOURCE.md").read_text(encoding="utf-8")
    for kop in ("publisher", "repository", "version", "licence", "copied"):
        assert re.search(rf"^\| {kop} \| \S", bron, re.MULTILINE), kop


def test_the_manifest_check_catches_a_change_an_addition_and_a_loss(tmp_path):
    for naam in ("a.yml", "b/c.yml"):
        (tmp_path / naam).parent.mkdir(exist_ok=True)
        (tmp_path / naam).write_bytes(b"openapi: 3.0.0\n")
    som = hashlib.sha256(b"openapi: 3.0.0\n").hexdigest()
    (tmp_path / "SHA256SUMS").write_text(f"{som}  a.yml\n{som}  b/c.yml\n", encoding="utf-8")
    (tmp_path / "SOURCE.md").write_text("bron", encoding="utf-8")
    assert afwijkingen(tmp_path) == []
    (tmp_path / "a.yml").write_bytes(b"openapi: 3.0.1\n")
    (tmp_path / "b" / "c.yml").unlink()
    (tmp_path / "d.yml").write_bytes(b"")
    assert afwijkingen(tmp_path) == [
        "not in SHA256SUMS: d.yml",
        "missing: b/c.yml",
        "changed: a.yml",
    ]


@pytest.mark.parametrize("api", specs.DUO_APIS)
def test_every_duo_api_is_an_openapi_document(api):
    document = yaml.safe_load(specs.duo_spec(api).read_text(encoding="utf-8"))
    assert document["openapi"].startswith("3.0")
    assert re.fullmatch(r"\d+\.\d+\.\d+", document["info"]["version"])
    assert document["paths"]


def test_fifteen_duo_apis_including_the_june_2026_ones():
    mappen = {p.name for p in specs.DUO_M2M.iterdir() if (p / "openapi.yml").is_file()}
    assert mappen == set(specs.DUO_APIS)
    assert len(mappen) == 15
    assert {"Boete", "Verlenging", "Gebeurtenis"} <= mappen
    assert (specs.DUO_M2M / "README.md").is_file()


def test_brp_api_personen_with_its_licence():
    document = yaml.safe_load(specs.BRP_PERSONEN.read_text(encoding="utf-8"))
    assert document["info"]["title"] == "BRP API Personen"
    assert document["info"]["version"] == "2.7.0"
    assert "/personen" in document["paths"]
    assert "EUPL" in (specs.BRP / "LICENCE.md").read_text(encoding="utf-8")


def test_simulator_reads_the_projects_copy_by_default(monkeypatch):
    monkeypatch.delenv("DUO_SPECS_DIR", raising=False)
    assert standaard_specmap() == MEEGELEVERDE_SPECMAP == specs.DUO_M2M
    geladen = laad_specs(standaard_specmap())
    assert geladen is not None
    assert geladen.ontbrekend == []  # so `make demo` starts without a warning


def test_duo_specs_dir_still_overrides(monkeypatch, tmp_path):
    monkeypatch.setenv("DUO_SPECS_DIR", str(tmp_path))
    assert standaard_specmap() == tmp_path


def test_the_specs_go_into_a_built_package():
    """setuptools takes package data by these globs; DUO's files end in .yml, the BRP's in .yaml."""
    pyproject = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = pyproject["tool"]["setuptools"]["package-data"]["openinburgering.specs"]
    bestanden = [
        p.relative_to(specs.MAP)
        for p in specs.MAP.rglob("*")
        if p.is_file()
        and "tests" not in p.parts
        and p.suffix != ".py"
        and "__pycache__" not in p.parts
    ]
    assert bestanden
    niet_meegenomen = [str(p) for p in bestanden if not any(p.full_match(g) for g in globs)]
    assert niet_meegenomen == []


# A path built towards a folder beside the repository, e.g. ``REPO.parent / "shared"``.
BUITEN_REPO = re.compile(r"""/\s*["']shared["']|["']\.\./shared/""")


def test_nothing_reads_a_specification_from_outside_the_repository():
    bronnen = [
        p
        for map_ in (REPO_ROOT / "src", REPO_ROOT / "benchmarks")
        for p in map_.rglob("*.py")
        if ".venv" not in p.parts
    ]
    assert len(bronnen) > 100
    treffers = [
        f"{p.relative_to(REPO_ROOT)}:{nummer}"
        for p in bronnen
        if p != Path(__file__).resolve()
        for nummer, regel in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
        if BUITEN_REPO.search(regel)
    ]
    assert treffers == []
    # The pattern finds the old way of reading the specs (built here so this file has none).
    oude_regel = "SPEC_MAP = REPO_ROOT.parent / " + '"shared"' + ' / "duo-m2m"'
    assert BUITEN_REPO.search(oude_regel)
