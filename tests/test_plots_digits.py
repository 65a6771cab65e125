"""helpers.plots.digits: digits drawn as images, and numbers per pixel position."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers import plots

DIGITS = np.random.default_rng(0).integers(0, 256, (5, 28, 28), dtype=np.uint8)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_show_digit_draws_the_pixels_without_ticks():
    fig = plots.show_digit(DIGITS[0], title="a digit", return_fig=True)
    (ax,) = fig.axes
    assert ax.get_title() == "a digit" and not ax.get_xticks().size
    assert np.array_equal(ax.images[0].get_array(), DIGITS[0])


def test_show_digit_colour_map_is_a_choice_of_drawing_not_of_data():
    gray = plots.show_digit(DIGITS[0], return_fig=True).axes[0]
    binary = plots.show_digit(DIGITS[0], cmap="binary", return_fig=True).axes[0]
    assert gray.images[0].get_cmap().name == "gray"
    assert binary.images[0].get_cmap().name == "binary"
    assert np.array_equal(binary.images[0].get_array(), gray.images[0].get_array())


def test_show_digit_can_draw_on_a_given_axis():
    fig, (left, right) = plt.subplots(1, 2)
    assert plots.show_digit(DIGITS[1], ax=right, return_fig=True) is fig
    assert not left.images and np.array_equal(right.images[0].get_array(), DIGITS[1])


def test_show_digits_titles_each_image_with_its_label_and_hides_spare_axes():
    fig = plots.show_digits(
        DIGITS, labels=[3, 1, 4, 1, 5], ncols=3, title="five", return_fig=True
    )
    assert len(fig.axes) == 6
    assert [ax.get_title() for ax in fig.axes[:5]] == ["3", "1", "4", "1", "5"]
    assert not fig.axes[5].axison and fig._suptitle.get_text() == "five"
    assert np.array_equal(fig.axes[4].images[0].get_array(), DIGITS[4])


def test_show_digits_accepts_labels_as_a_numpy_array():
    fig = plots.show_digits(
        DIGITS[:3], labels=np.array([7, 2, 1], np.uint8), return_fig=True
    )
    assert [ax.get_title() for ax in fig.axes] == ["7", "2", "1"]


def test_show_digits_with_titles():
    fig = plots.show_digits(DIGITS[:2], titles=["left", "right"], return_fig=True)
    assert [ax.get_title() for ax in fig.axes] == ["left", "right"]


def test_show_digits_size_and_titles_decide_the_figure_size():
    def height(titles, title=None):
        fig = plots.show_digits(DIGITS[:2], titles=titles, title=title, return_fig=True)
        return fig.get_size_inches()[1]

    assert height(["a\nx", "b"]) > height(["a", "b"])  # two-line titles get room
    assert height(["a", "b"], title="a figure title") == height(["a", "b"]) + 0.5
    wide = plots.show_digits(DIGITS, ncols=5, size=2.0, return_fig=True)
    assert tuple(wide.get_size_inches()) == (10.0, 2.0)


def test_show_digits_marks_the_chosen_images_in_vermilion():
    fig = plots.show_digits(
        DIGITS[:3], titles=["a", "b", "c"], marked=[False, True, False], return_fig=True
    )
    colours = [ax.title.get_color() for ax in fig.axes]
    vermilion = plots.PALETTE[3]
    assert colours[1] == vermilion and vermilion not in (colours[0], colours[2])
    assert (
        fig.axes[1].spines["top"].get_edgecolor()
        != fig.axes[0].spines["top"].get_edgecolor()
    )


def test_show_digits_outlines_a_window_of_each_image():
    fig = plots.show_digits(
        DIGITS[:2], boxes=[(0, 4, 10, 10), (16, 8, 10, 10)], return_fig=True
    )
    (first,), (second,) = fig.axes[0].patches, fig.axes[1].patches
    assert first.get_xy() == (3.5, -0.5) and second.get_xy() == (7.5, 15.5)
    assert (first.get_width(), first.get_height()) == (10, 10)
    assert not first.get_fill()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"labels": [1, 2]}, "5 images but 2"),
        ({"boxes": [(0, 0, 10, 10)]}, "5 images but 1 boxes"),
        ({"labels": [1] * 5, "titles": ["a"] * 5}, "not both"),
        ({"marked": [True, False]}, "5 images but 2 marks"),
        ({"ncols": 0}, "ncols"),
    ],
)
def test_show_digits_refuses_inconsistent_arguments(options, message):
    with pytest.raises(ValueError, match=message):
        plots.show_digits(DIGITS, **options)


def test_show_digits_refuses_no_images_and_labels_given_by_position():
    with pytest.raises(ValueError, match="no images"):
        plots.show_digits([])
    with pytest.raises(TypeError):
        plots.show_digits(DIGITS, [3, 1, 4, 1, 5])  # labels are keyword-only


def test_pixel_heatmap_has_a_labelled_colour_bar_and_shows_zeros_apart():
    values = np.linspace(0, 1, 28 * 28).reshape(28, 28)
    fig = plots.pixel_heatmap(
        values, colorbar_label="share", title="t", zero="never", return_fig=True
    )
    image_ax, bar_ax = fig.axes
    assert bar_ax.get_ylabel() == "share" and image_ax.get_title() == "t"
    shown = image_ax.images[0].get_array()
    assert np.ma.is_masked(shown) and shown.mask.sum() == 1  # only the one 0
    assert fig.legends[0].get_texts()[0].get_text() == "exactly 0: never"
    plain = plots.pixel_heatmap(values, colorbar_label="share", return_fig=True)
    assert not np.ma.is_masked(plain.axes[0].images[0].get_array())
    assert not plain.legends and not plain.axes[0].get_title()
    with pytest.raises(ValueError, match="2-D"):
        plots.pixel_heatmap(values.ravel(), colorbar_label="share")
