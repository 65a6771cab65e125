"""helpers.drawing: the Python half of the drawing pad (the browser half is tested in
tests/test_drawing_pad_browser.py)."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import drawing


def test_png_round_trip_keeps_the_grey_levels():
    image = np.zeros((28, 28))
    image[5:20, 13:15] = 1.0
    image[3, 3] = 0.5
    back = drawing.decode_png(drawing.encode_png(image))
    assert back.shape == (28, 28)
    np.testing.assert_allclose(back, image, atol=1 / 255)


def test_decode_refuses_what_is_not_a_png_data_url():
    with pytest.raises(ValueError, match="data:image/png"):
        drawing.decode_png("data:image/jpeg;base64,AAAA")


def test_encode_refuses_a_batch():
    with pytest.raises(ValueError, match="2-D"):
        drawing.encode_png(np.zeros((2, 28, 28)))


def fake_reader(calls):
    """A reader that records what it got and always answers 3 with 70%."""

    def read(image):
        calls.append(image)
        probabilities = np.full(10, 0.3 / 9)
        probabilities[3] = 0.7
        return np.ones((28, 28)) * 0.5, probabilities

    return read


def test_answer_shows_the_reading_in_the_pad():
    calls = []
    pad = drawing.DrawingPad(fake_reader(calls))
    stroke = np.zeros((280, 280), dtype="float32")
    stroke[40:240, 130:150] = 1.0
    image, probabilities = pad.answer(stroke)
    assert calls[0].shape == (280, 280) and calls[0].max() == 1.0
    assert pad.status == "I read a 3 (70% sure)."
    assert len(pad.probabilities) == 10 and pad.probabilities[3] == pytest.approx(0.7)
    assert drawing.decode_png(pad.seen).shape == (28, 28)
    assert probabilities.argmax() == 3


def test_an_empty_pad_is_not_sent_to_the_model():
    calls = []
    pad = drawing.DrawingPad(fake_reader(calls))
    assert pad.answer(np.zeros((280, 280))) is None
    assert calls == [] and pad.status == "The pad is empty." and pad.probabilities == []


def test_the_button_message_takes_the_same_path_as_answer():
    calls = []
    pad = drawing.DrawingPad(fake_reader(calls))
    canvas = np.zeros((280, 280))
    canvas[100:180, 100:180] = 1.0
    pad._on_message(pad, {"kind": "read", "image": drawing.encode_png(canvas)}, [])
    assert len(calls) == 1
    np.testing.assert_allclose(calls[0], canvas, atol=1 / 255)
    assert pad.status.startswith("I read a 3")


def test_a_broken_message_is_reported_in_the_pad():
    pad = drawing.DrawingPad(fake_reader([]))
    pad._on_message(pad, {"kind": "read", "image": "not an image"}, [])
    assert pad.status.startswith("Could not read the drawing")


def test_a_reader_must_return_ten_probabilities():
    pad = drawing.DrawingPad(lambda image: (np.zeros((28, 28)), np.ones(3) / 3))
    with pytest.raises(ValueError, match="10 probabilities"):
        pad.answer(np.ones((280, 280)))


def test_the_javascript_ships_with_the_package_and_has_what_the_page_test_uses():
    script = drawing.DrawingPad._esm
    text = script.read_text() if hasattr(script, "read_text") else str(script)
    assert "export default { render }" in text
    for testid in ('"pad"', '"read"', '"clear"', '"status"', '"bars"'):
        assert testid in text
    assert 'kind: "read"' in text  # the message _on_message answers
