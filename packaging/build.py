"""Build the installable bundle: ``python packaging/build.py`` (Linux, Windows, macOS alike).

Compiles the translations, renders the icon, runs PyInstaller on ``seller-desktop.spec`` (a
one-folder build in ``packaging/dist/seller-desktop``) and packs it: a ``.tar.gz`` with the
``.desktop`` entry and icon on Linux, a ``.zip`` on Windows and macOS. Prints the archive path.
"""

from __future__ import annotations

import platform
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = HERE / "dist"
sys.path.insert(0, str(ROOT))

from seller_desktop import __version__  # noqa: E402


def compile_translations() -> None:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease" + (".exe" if sys.platform == "win32" else ""))
    for ts in (ROOT / "seller_desktop" / "resources" / "i18n").glob("*.ts"):
        subprocess.run([str(lrelease), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True,
                       capture_output=True)


def render_icon() -> Path:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(["build", "-platform", "offscreen"])
    out = HERE / "build-icon" / "seller-desktop.png"
    out.parent.mkdir(exist_ok=True)
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(HERE / "icon" / "seller-desktop.svg")).render(painter)
    painter.end()
    image.save(str(out))
    return out


def run_pyinstaller() -> Path:
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--distpath", str(DIST), "--workpath", str(HERE / "build"),
                    str(HERE / "seller-desktop.spec")], check=True)
    return DIST / "seller-desktop"


def pack(folder: Path, icon: Path) -> Path:
    arch = platform.machine().lower() or "unknown"
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
    name = f"seller-desktop-{__version__}-{system}-{arch}"
    if system == "linux":
        shutil.copy(HERE / "linux" / "seller-desktop.desktop", folder / "seller-desktop.desktop")
        shutil.copy(HERE / "linux" / "install.sh", folder / "install.sh")
        shutil.copy(icon, folder / "seller-desktop.png")
        archive = DIST / f"{name}.tar.gz"
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(folder, arcname="seller-desktop")
        return archive
    source = DIST / "小店桌面.app" if system == "macos" else folder
    archive = DIST / f"{name}.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(source.rglob("*")):
            zf.write(path, Path(source.name) / path.relative_to(source))
    return archive


def main() -> int:
    compile_translations()
    icon = render_icon()
    folder = run_pyinstaller()
    archive = pack(folder, icon)
    print(f"bundle={folder} archive={archive}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
