"""Languages: Chinese is the source language; English comes from
``seller_desktop/resources/i18n/*.qm`` (package data, so a wheel carries it).

Qt's own dialogs and buttons (OK/Cancel, Yes/No, the file and print dialogs) speak the chosen
language too: Qt's ``qtbase_<lang>.qm`` from PySide6's translations folder, plus
``qt_extra_<lang>.qm`` for the few strings Qt's catalogue leaves untranslated. English needs
neither (Qt's source language).

Also picks a font that has Chinese glyphs (the OS's own first, see ``platform_seam``: Microsoft
YaHei, PingFang SC, WenQuanYi / Noto CJK), so a machine whose default font lacks them shows
characters, not boxes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..platform_seam import LINUX, MACOS, WINDOWS, traits

I18N_DIR = Path(__file__).resolve().parents[1] / "resources" / "i18n"

def cjk_families(platform: str | None = None) -> tuple[str, ...]:
    """The UI font families to try, this OS's first, then every other OS's (a hand install)."""
    own = traits(platform).cjk_fonts
    others = tuple(f for k in (LINUX, WINDOWS, MACOS) for f in traits(k).cjk_fonts)
    return tuple(dict.fromkeys(own + others))


_installed: list[QTranslator] = []


def qm_path(language: str) -> Path:
    return I18N_DIR / f"seller_desktop_{language}.qm"


def qt_catalogues(language: str) -> list[Path]:
    """Qt's own translations for ``language`` that exist here (Qt's first, then our gaps)."""
    if language == "en":
        return []
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    found = [qt_dir / f"qtbase_{language}.qm", I18N_DIR / f"qt_extra_{language}.qm"]
    return [path for path in found if path.is_file()]


def _install(app: QCoreApplication, path: Path) -> bool:
    translator = QTranslator(app)
    if not translator.load(str(path)):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def install_language(app: QCoreApplication, language: str) -> bool:
    """Load ``language`` (``zh_CN`` needs no file); True when the UI is in that language."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
                       if language == "en"
                       else QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    # The last installed translator is asked first: Qt's own catalogue must win over our gaps.
    for path in reversed(qt_catalogues(language)):
        _install(app, path)
    if language == "zh_CN":
        return True
    return _install(app, qm_path(language))


def use_cjk_font(app: QApplication) -> str:
    families = set(QFontDatabase.families())
    for family in cjk_families():
        if family in families:
            font = QFont(family)
            font.setPointSize(max(app.font().pointSize(), 10))
            app.setFont(font)
            return family
    return app.font().family()
