# `# withify: ignore[CODE,...]` names codes or ids; another code does not suppress this one
a = open("a.txt").read()  # withify: ignore[WFY101]
b = open("b.txt").read()  # withify: ignore[open-chain, WFY106]
c = open("c.txt").read()  # withify: ignore[WFY106]
