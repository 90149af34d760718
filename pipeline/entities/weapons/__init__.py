"""Weapon-system mentions: a gazetteer of known systems, class-noun rules, and military designations.

Three ways to find a system, all normalized to one canonical name per system:
1. the gazetteer `data/weapons.csv` (any alias in any inflected form: `«Калибрами»` → `Калибр`);
2. a weapon class noun phrase followed by a quoted or Latin name (`ракетный комплекс «Орешник»`,
   `ударные беспилотники «Герань-2»`, `танки Leopard 2A6`), and the further members of a list
   (`истребители Су-30МК2 и Су-35`);
3. a military designation (`Су-57Э`, `Т-90М`, `F-35B`) whose base the gazetteer knows (`Су-57`) or
   that follows a class noun.
Within a document a generic mention (`«Абрамсы»`) joins the one specific variant the document
names (`M1A1 Abrams`), and a quoted name given after a designation (`Т-90М «Прорыв»`) becomes a
short form of it (`«Прорыва»` → `Т-90М`).
"""
from __future__ import annotations

from .find import find_weapons
from .systems import load_weapons

__all__ = ['find_weapons', 'load_weapons']
