#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""The import goes after the module docstring and the __future__ imports."""
from __future__ import annotations

import sys

KEY = lambda p: open(p, "r").read().strip()
