"""The occlusion map written in notebook 06, exported to helpers.lessons.nb06."""

import numpy as np

from helpers.lessons import nb06


def test_occlusion_map_finds_the_pixels_a_model_relies_on():
    image = np.zeros((12, 12), dtype="float32")
    image[2:5, 2:5] = 1.0  # the model below only looks at this square

    def predict(batch):
        evidence = batch[:, 2:5, 2:5].mean(axis=(1, 2))
        return np.stack([evidence, 1 - evidence], axis=1)

    drop = nb06.occlusion_map(predict, image, target=0, patch=3)
    assert drop.shape == (12, 12)
    assert drop[3, 3] > 0.5 and drop[9, 9] == 0  # covering the square, or elsewhere
    raised = nb06.occlusion_map(predict, image, target=1, patch=3)
    assert raised[3, 3] < 0  # hiding the square makes the other class likelier
    # grey (0.5) over the square hides only half its ink: a smaller drop there
    grey = nb06.occlusion_map(predict, image, target=0, patch=3, fill=0.5)
    assert grey[3, 3] < drop[3, 3] and grey[9, 9] == 0
    coarse = nb06.occlusion_map(predict, image, target=0, patch=3, stride=3)
    assert coarse.shape == (12, 12) and coarse[3, 3] > 0
