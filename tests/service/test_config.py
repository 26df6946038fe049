"""The project config file: where it is found, what it may say, and what it may not."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.config import Config, ConfigError, find_config, load_config


def test_defaults_without_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert find_config() is None  # nothing here, nor in the folders above a pytest tmp_path
    assert load_config() == Config()


def test_found_upward_and_tradecheck_toml_wins(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.tradecheck]\nlanguage = "en"\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / "pyproject.toml"
    (tmp_path / "a" / "tradecheck.toml").write_text('language = "is"\n')
    assert find_config(deep) == tmp_path / "a" / "tradecheck.toml"


def test_a_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "tradecheck.toml").write_text('fail_on = "never"\n')
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config(inner) == tmp_path / "tradecheck.toml"


def test_every_key(tmp_path: Path) -> None:
    path = tmp_path / "tradecheck.toml"
    path.write_text(
        'language = "is"\npublished = 2021-03-19\nfail_on = "warning"\ncheckers = ["trade-value"]\n'
        'exclude = ["archive/**", "*.draft.md"]\nhelp_url = "https://newsroom.example/numbers"\n'
    )
    config = load_config(path)
    assert config == Config(
        path=path,
        language="is",
        published="2021-03-19",
        fail_on="warning",
        checkers=("trade-value",),
        exclude=("archive/**", "*.draft.md"),
        help_url="https://newsroom.example/numbers",
    )
    assert config.base == tmp_path


def test_pyproject_table(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n\n[tool.tradecheck]\npublished = "front-matter"\n')
    assert load_config(path).published == "front-matter"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('langauge = "is"', "unknown key 'langauge'"),
        ('language = "de"', "language must be one of"),
        ('fail_on = "errors"', "fail_on must be one of"),
        ('published = "yesterday"', "published must be"),
        ('published = "2021-02-30"', "published must be"),
        ("checkers = [1]", "checkers must be a list of strings"),
        ('help_url = "ftp://x"', "help_url must be"),
        ("language = ", "not valid TOML"),
    ],
)
def test_bad_config_names_the_file_and_the_key(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "tradecheck.toml"
    path.write_text(content + "\n")
    with pytest.raises(ConfigError, match=message) as caught:
        load_config(path)
    assert str(path) in str(caught.value)


def test_missing_and_unreadable(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.toml")
    bad = tmp_path / "latin1.toml"
    bad.write_bytes('language = "ís"'.encode("latin-1"))
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(bad)
