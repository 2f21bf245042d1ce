from params_output_shapes import B, T, h, returned_shapes, x
from params_tables import shape_table

print(
    shape_table(
        returned_shapes, sizes=dict(B=B, T=T, x=x, h=h), bidirectional=True
    )
)
