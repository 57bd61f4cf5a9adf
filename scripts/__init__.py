"""Tooling for the reasoning-data primer.

The package follows one direction of flow:

    files --(frontmatter, yamlload, records)--> records
    records --(checks)--> problems
    records --(render)--> generated text (README sections, views, schema, exports)
    cli: thin commands that wire these together and report.

Nothing renders while it loads; nothing loads while it renders.
"""
