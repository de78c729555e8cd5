"""Reads a newsgraph GraphML or GEXF export with networkx and prints what it read.

Usage: python3 networkx_read.py graphml|gexf FILE

Prints one JSON object, {"reader": ..., "directed": ..., "nodes": {id: attrs},
"edges": {id: {"source", "target", "attrs"}}}, which the Go test
(export/readers_test.go) checks against the store.
"""

import json
import sys

import networkx as nx


def main():
    fmt, path = sys.argv[1], sys.argv[2]
    if fmt == "graphml":
        g = nx.read_graphml(path, force_multigraph=True)
    elif fmt == "gexf":
        g = nx.read_gexf(path)
    else:
        sys.exit("unknown format " + fmt)
    nodes = {str(n): dict(data) for n, data in g.nodes(data=True)}
    edges = {}
    if g.is_multigraph():
        items = ((u, v, k, d) for u, v, k, d in g.edges(keys=True, data=True))
    else:
        items = ((u, v, d.get("id"), d) for u, v, d in g.edges(data=True))
    for u, v, key, data in items:
        edge_id = str(data.get("id", key))
        edges[edge_id] = {"source": str(u), "target": str(v), "attrs": data}
    json.dump({"reader": "networkx " + nx.__version__, "directed": g.is_directed(),
               "nodes": nodes, "edges": edges}, sys.stdout, default=str)


if __name__ == "__main__":
    main()
