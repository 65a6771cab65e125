"""helpers.plots.network: weights, feature maps, filter responses, occlusion maps
and activations, each on the one scale that makes them comparable."""

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


def drawn(fig) -> list:
    """The axes that show an image, colour bars left out."""
    return [ax for ax in fig.axes if ax.images and ax.get_label() != "<colorbar>"]


def colour_bars(fig) -> list:
    return [ax for ax in fig.axes if ax.get_label() == "<colorbar>"]


def test_weight_maps_share_one_symmetric_diverging_scale():
    kernel = np.linspace(-2, 1, 784 * 3).reshape(784, 3)
    fig = plots.weight_maps(
        kernel, titles=["a", "b", "c"], colorbar_label="change", return_fig=True
    )
    images = [ax.images[0] for ax in drawn(fig)]
    assert len(images) == 3 and images[0].get_cmap().name == "PRGn"
    low, high = images[1].get_clim()
    assert low == -high and high == pytest.approx(np.percentile(np.abs(kernel), 99.5))
    assert np.array_equal(images[2].get_array(), kernel[:, 2].reshape(28, 28))
    assert [ax.get_title() for ax in drawn(fig)] == ["a", "b", "c"]
    (bar,) = colour_bars(fig)
    assert bar.get_ylabel() == "change"


def test_weight_maps_refuse_a_kernel_of_the_wrong_shape():
    with pytest.raises(ValueError, match="kernel must be"):
        plots.weight_maps(np.zeros((10, 3)))
    with pytest.raises(ValueError, match="3 maps but 2 titles"):
        plots.weight_maps(np.zeros((784, 3)), titles=["a", "b"])
    small = plots.weight_maps(np.ones((16, 2)), image_shape=(4, 4), return_fig=True)
    assert drawn(small)[0].images[0].get_array().shape == (4, 4)


def test_feature_maps_share_one_scale_per_layer_with_a_colour_bar():
    maps = np.random.default_rng(0).random((5, 5, 6))
    maps[:, :, 2] *= 0.01  # a weak channel must look weak, not rescaled to bright
    fig = plots.feature_maps(maps, ncols=4, return_fig=True)
    images = [ax.images[0] for ax in drawn(fig)]
    assert len(images) == 6
    assert {im.get_clim() for im in images} == {(0.0, maps.max())}
    assert len(colour_bars(fig)) == 1
    few = plots.feature_maps(
        maps[:, :, :1], vmax=5.0, titles=["channel 0"], return_fig=True
    )
    assert few.axes[0].images[0].get_clim() == (0.0, 5.0)
    assert few.axes[0].get_title() == "channel 0"
    with pytest.raises(ValueError, match="titles"):
        plots.feature_maps(maps, titles=["one"])
    with pytest.raises(ValueError, match="height, width, channels"):
        plots.feature_maps(maps[:, :, 0])


def test_filter_responses_pair_each_filter_with_its_response():
    filters = np.random.default_rng(1).normal(size=(3, 3, 5))
    responses = np.random.default_rng(2).normal(size=(8, 8, 5))
    fig = plots.filter_responses(
        filters, responses, ncols=3, titles=list("abcde"), return_fig=True
    )
    shapes = [ax.images[0].get_array().shape for ax in drawn(fig)]
    assert shapes.count((3, 3)) == 5 and shapes.count((8, 8)) == 5
    # the filter drawn above each response is its own: same column, band above
    for ax in drawn(fig):
        if ax.images[0].get_array().shape == (3, 3):
            index = "abcde".index(ax.get_title())
            assert np.array_equal(ax.images[0].get_array(), filters[:, :, index])
    clims = {ax.images[0].get_clim() for ax in drawn(fig)}
    limit = np.abs(responses).max()
    assert (-limit, limit) in clims and len(clims) == 2
    assert len(colour_bars(fig)) == 2
    with pytest.raises(ValueError, match="5 filters but 4 responses"):
        plots.filter_responses(filters, responses[:, :, :4])


def test_occlusion_maps_share_one_symmetric_scale():
    maps = [np.full((28, 28), 0.2), np.full((28, 28), -0.5)]
    fig = plots.occlusion_maps(DIGITS[:2], maps, titles=["x", "y"], return_fig=True)
    shown = [ax.images[0] for ax in drawn(fig)]
    maps_drawn = [im for im in shown if im.get_cmap().name == "RdBu_r"]
    assert len(maps_drawn) == 2
    assert {im.get_clim() for im in maps_drawn} == {(-0.5, 0.5)}
    assert [ax.get_title() for ax in fig.axes[:2]] == ["x", "y"]  # the images' row
    assert fig.axes[-1].get_ylabel() == "drop in probability\nwhen covered"
    other = plots.occlusion_maps(
        DIGITS[:2], maps, colorbar_label="gradient x pixel", return_fig=True
    )
    assert other.axes[-1].get_ylabel() == "gradient x pixel"
    with pytest.raises(ValueError, match="2 images but 1 maps"):
        plots.occlusion_maps(DIGITS[:2], maps[:1])


def test_activation_figure_draws_what_it_is_given():
    x = np.linspace(-1, 1, 5)
    fig = plots.activation_figure(
        x, np.maximum(0, x), [1.0, 2.0], [0.27, 0.73], return_fig=True
    )
    left, middle, right = fig.axes
    assert np.array_equal(left.lines[0].get_ydata(), [0, 0, 0, 0.5, 1])
    assert [bar.get_height() for bar in middle.patches] == [1.0, 2.0]
    assert [bar.get_height() for bar in right.patches] == [0.27, 0.73]
    with pytest.raises(ValueError, match="must match"):
        plots.activation_figure(x, x[:2], [1.0], [1.0])
