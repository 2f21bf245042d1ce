"""The three cells' forward passes (snippets/rnn/rnn_forward.py, lstm/lstm_forward.py,
gru/gru_forward.py) refuse a wrong shape with a ValueError that names the
argument, the shape expected and the shape given: one table, one row a case.

Every call starts from arguments that fit (x of shape (2, 3, 4), 5 units) and
changes one of them."""

import numpy as np
import pytest
from gru_forward import gru_forward
from lstm_forward import lstm_forward
from rnn_forward import simple_rnn_forward

from conftest import assert_shape_error

X = np.zeros((2, 3, 4))  # batch 2, T 3, input_dim 4; units 5 below


def fitting(gates, bias_shape, **options):
    """Arguments that fit a cell of ``gates`` gates with 5 units."""
    return dict(
        x=X,
        kernel=np.zeros((4, 5 * gates)),
        recurrent_kernel=np.zeros((5, 5 * gates)),
        bias=np.zeros(bias_shape),
        **options,
    )


FITTING = {
    "rnn": (simple_rnn_forward, fitting(1, 5)),
    "lstm": (lstm_forward, fitting(4, 20)),
    "gru": (gru_forward, fitting(3, (2, 15))),
    "gru-v1": (gru_forward, fitting(3, 15, reset_after=False)),  # one bias row
}
T_X = "(batch, T>=1, input_dim)"
B_V2 = "(2, 15) for reset_after=True"
B_V1 = "(15,) for reset_after=False"
CASES = [  # cell, argument, wrong value, expected shape named, actual named
    ("rnn", "x", np.zeros((3, 4)), T_X, "(3, 4)"),
    ("rnn", "x", np.zeros((2, 0, 4)), T_X, "(2, 0, 4)"),
    ("rnn", "kernel", np.zeros((3, 5)), "(4, units)", "(3, 5)"),
    ("rnn", "kernel", np.zeros(20), "(4, units)", "(20,)"),
    ("rnn", "recurrent_kernel", np.zeros((5, 4)), "(5, 5)", "(5, 4)"),
    ("rnn", "bias", np.zeros(4), "(5,)", "(4,)"),
    ("rnn", "bias", np.zeros((2, 5)), "(5,)", "(2, 5)"),
    ("rnn", "h0", np.zeros((5,)), "(2, 5)", "(5,)"),
    ("rnn", "h0", np.zeros((3, 5)), "(2, 5)", "(3, 5)"),
    ("lstm", "x", np.zeros((3, 4)), T_X, "(3, 4)"),
    ("lstm", "x", np.zeros((2, 0, 4)), T_X, "(2, 0, 4)"),
    ("lstm", "kernel", np.zeros((3, 20)), "(4, 4*units)", "(3, 20)"),
    ("lstm", "kernel", np.zeros((4, 18)), "(4, 4*units)", "(4, 18)"),
    ("lstm", "kernel", np.zeros((4, 0)), "(4, 4*units)", "(4, 0)"),
    ("lstm", "kernel", np.zeros(20), "(4, 4*units)", "(20,)"),
    ("lstm", "recurrent_kernel", np.zeros((5, 5)), "(5, 20)", "(5, 5)"),
    ("lstm", "recurrent_kernel", np.zeros((20, 5)), "(5, 20)", "(20, 5)"),
    ("lstm", "bias", np.zeros(5), "(20,)", "(5,)"),
    ("lstm", "bias", np.zeros((2, 20)), "(20,)", "(2, 20)"),
    ("lstm", "h0", np.zeros((5,)), "(2, 5)", "(5,)"),
    ("lstm", "h0", np.zeros((3, 5)), "(2, 5)", "(3, 5)"),
    ("lstm", "c0", np.zeros((2, 20)), "(2, 5)", "(2, 20)"),
    ("lstm", "c0", np.zeros((1, 2, 5)), "(2, 5)", "(1, 2, 5)"),
    ("gru", "x", np.zeros((3, 4)), T_X, "(3, 4)"),
    ("gru", "x", np.zeros((2, 0, 4)), T_X, "(2, 0, 4)"),
    ("gru", "kernel", np.zeros((3, 15)), "(4, 3*units)", "(3, 15)"),
    ("gru", "kernel", np.zeros((4, 14)), "(4, 3*units)", "(4, 14)"),
    ("gru", "kernel", np.zeros((4, 0)), "(4, 3*units)", "(4, 0)"),
    ("gru", "kernel", np.zeros(60), "(4, 3*units)", "(60,)"),
    ("gru", "recurrent_kernel", np.zeros((5, 5)), "(5, 15)", "(5, 5)"),
    ("gru", "recurrent_kernel", np.zeros((15, 5)), "(5, 15)", "(15, 5)"),
    ("gru", "bias", np.zeros(15), B_V2, "(15,)"),
    ("gru", "bias", np.zeros((2, 12)), B_V2, "(2, 12)"),
    ("gru", "h0", np.zeros(5), "(2, 5)", "(5,)"),
    ("gru-v1", "bias", np.zeros((2, 15)), B_V1, "(2, 15)"),
    ("gru-v1", "bias", np.zeros(5), B_V1, "(5,)"),
    ("gru-v1", "h0", np.zeros((3, 5)), "(2, 5)", "(3, 5)"),
]


@pytest.mark.parametrize(
    "cell,name,value,expected,actual",
    CASES,
    ids=[f"{cell}-{name}-{actual}" for cell, name, _, _, actual in CASES],
)
def test_a_wrong_shape_names_expected_and_actual(
    cell, name, value, expected, actual
):
    function, good = FITTING[cell]
    function(**good)  # the fitting arguments are accepted
    arguments = dict(good, **{name: value})
    assert_shape_error(function, arguments, name, expected, actual)
