# Not catalog resources, or not used at once: nothing changes
import sqlite3
import subprocess
import tempfile

tempfile.TemporaryDirectory().cleanup()
subprocess.Popen(["sleep", "1"])
conn = sqlite3.connect(":memory:")
input("name? ").strip()
proc = subprocess.Popen(["true"])
proc.wait()
