// The front-end half of helpers.drawing.DrawingPad (notebook 08): a canvas to draw
// a digit on, a button that sends the drawing to Python as a PNG, and an answer
// area that shows what Python sent back: its reading, the 28 x 28 image the model
// saw, and one probability bar per digit.

function button(label, testid) {
  const b = document.createElement("button");
  b.textContent = label;
  b.dataset.testid = testid;
  b.style.cssText = "margin: 4px 6px 0 0; padding: 4px 12px; cursor: pointer";
  return b;
}

function render({ model, el }) {
  const size = model.get("size");
  const root = document.createElement("div");
  root.className = "course-drawing-pad";
  root.style.cssText = "display: flex; gap: 16px; align-items: flex-start";

  const left = document.createElement("div");
  const canvas = document.createElement("canvas");
  canvas.width = size;
  canvas.height = size;
  canvas.dataset.testid = "pad";
  canvas.style.cssText =
    "border: 1px solid #888; touch-action: none; cursor: crosshair; display: block";
  const ctx = canvas.getContext("2d");

  function clear() {
    ctx.fillStyle = "#000";
    ctx.fillRect(0, 0, size, size);
  }
  clear();

  let drawing = false;
  function point(event) {
    const box = canvas.getBoundingClientRect();
    return [
      ((event.clientX - box.left) * size) / box.width,
      ((event.clientY - box.top) * size) / box.height,
    ];
  }
  canvas.addEventListener("pointerdown", (event) => {
    drawing = true;
    canvas.setPointerCapture(event.pointerId);
    ctx.strokeStyle = "#fff";
    ctx.lineWidth = model.get("pen");
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    const [x, y] = point(event);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x, y);
    ctx.stroke();
  });
  canvas.addEventListener("pointermove", (event) => {
    if (!drawing) return;
    const [x, y] = point(event);
    ctx.lineTo(x, y);
    ctx.stroke();
  });
  const stop = () => {
    drawing = false;
  };
  canvas.addEventListener("pointerup", stop);
  canvas.addEventListener("pointercancel", stop);

  const read = button("Read it", "read");
  const erase = button("Clear", "clear");
  read.addEventListener("click", () => {
    model.send({ kind: "read", image: canvas.toDataURL("image/png") });
  });
  erase.addEventListener("click", clear);
  left.append(canvas, read, erase);

  const right = document.createElement("div");
  const status = document.createElement("div");
  status.dataset.testid = "status";
  status.style.cssText = "font: 15px sans-serif; margin-bottom: 8px";
  const seenBox = document.createElement("div");
  // the page's own text colour, dimmed: readable on light and dark themes alike
  seenBox.style.cssText = "font: 12px sans-serif; color: inherit; opacity: 0.8";
  const seen = document.createElement("img");
  seen.width = 112;
  seen.height = 112;
  seen.style.cssText = "image-rendering: pixelated; border: 1px solid #888";
  seenBox.append("what the model saw (28 x 28):", document.createElement("br"), seen);
  const bars = document.createElement("div");
  bars.dataset.testid = "bars";
  bars.style.cssText =
    "display: flex; align-items: flex-end; gap: 4px; height: 120px; margin-top: 12px";
  right.append(status, seenBox, bars);

  function update() {
    status.textContent = model.get("status");
    const image = model.get("seen");
    seenBox.style.display = image ? "block" : "none";
    if (image) seen.src = image;
    const probabilities = model.get("probabilities");
    const best = probabilities.indexOf(Math.max(...probabilities));
    bars.replaceChildren(
      ...probabilities.map((p, digit) => {
        const column = document.createElement("div");
        column.style.cssText =
          "display: flex; flex-direction: column; align-items: center; width: 22px";
        const bar = document.createElement("div");
        bar.title = `${digit}: ${(100 * p).toFixed(1)}%`;
        bar.style.cssText = `width: 18px; height: ${Math.max(1, 100 * p)}px; background: ${
          digit === best ? "#E69F00" : "#0072B2"
        }`;
        const label = document.createElement("div");
        label.textContent = String(digit);
        label.style.cssText = `font: ${digit === best ? "bold " : ""}12px sans-serif`;
        column.append(bar, label);
        return column;
      }),
    );
  }
  model.on("change:status", update);
  model.on("change:seen", update);
  model.on("change:probabilities", update);
  update();

  root.append(left, right);
  el.append(root);
}

export default { render };
