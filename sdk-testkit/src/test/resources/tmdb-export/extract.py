#!/usr/bin/env python3
"""Extracts from TMDb's official v3 OpenAPI export the success schemas of the routes FakeTmdb serves.

Run from the repository's root, with the export beside it:
    python3 sdk-testkit/src/test/resources/tmdb-export/extract.py ../shared/specs/tmdb-v3-openapi.json
It rewrites schemas.json next to this script. The routes are read from FakeTmdb.java's route table; a route the
export does not document (v4 auth, GET /3/account) is listed under "undocumented".
"""
import hashlib
import json
import os
import re
import sys

here = os.path.dirname(os.path.abspath(__file__))
export_path = sys.argv[1]
raw = open(export_path, 'rb').read()
export = json.loads(raw)
fake = open(os.path.join(here, '../../../main/java/dev/latchkey/testkit/tmdb/FakeTmdb.java')).read()


def shape(p):
    return re.sub(r'\{[^}]+\}', '{}', p)


def strip(schema):
    # Examples and defaults are the export's sample values, not the shape.
    if isinstance(schema, dict):
        return {k: strip(v) for k, v in schema.items() if k not in ('example', 'default')}
    if isinstance(schema, list):
        return [strip(x) for x in schema]
    return schema


paths = {}
undocumented = []
for method, route in re.findall(r'\.add\("(\w+)", "([^"]+)"', fake):
    match = [p for p in export['paths'] if shape(p) == shape(route) and method.lower() in export['paths'][p]]
    if not match:
        undocumented.append(method + ' ' + route)
        continue
    op = export['paths'][match[0]][method.lower()]
    schema = op['responses']['200']['content']['application/json']['schema']
    paths.setdefault(match[0], {})[method.lower()] = {
        'fake_route': route,
        'parameters': [p['name'] for p in op.get('parameters', [])],
        'schema': strip(schema),
    }

out = {
    'source': 'TMDb v3 OpenAPI export (shared/specs/tmdb-v3-openapi.json; public repository '
              'thulasirajkomminar/tmdb-go, tmdb-api.json), success (200) schemas only, examples and defaults removed',
    'export_sha256': hashlib.sha256(raw).hexdigest(),
    'undocumented': undocumented,
    'paths': paths,
}
with open(os.path.join(here, 'schemas.json'), 'w') as f:
    json.dump(out, f, indent=1, sort_keys=False)
    f.write('\n')
print(len(paths), 'paths;', len(undocumented), 'undocumented:', ', '.join(undocumented))
