import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHECK = """
import os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
from config.wsgi import application
import corpus.services, glossary.views, reader.views  # everything a web request can reach
loaded = [name for name in ("jieba", "pypinyin", "g2pM") if name in sys.modules]
print(loaded)
sys.exit(1 if loaded else 0)
"""


def test_the_web_process_never_loads_the_engine():
    result = subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
