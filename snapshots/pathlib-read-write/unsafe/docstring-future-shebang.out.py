#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""The import goes after the module docstring and the __future__ imports."""
from __future__ import annotations
from pathlib import Path

import sys

KEY = lambda p: Path(p).read_text().strip()
