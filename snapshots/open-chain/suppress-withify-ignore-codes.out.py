# `# withify: ignore[CODE,...]` names codes or ids; another code does not suppress this one
a = open("a.txt").read()  # withify: ignore[WFY101]
b = open("b.txt").read()  # withify: ignore[open-chain, WFY106]
with open("c.txt") as _fp:
    c = _fp.read()  # withify: ignore[WFY106]
