#!/usr/bin/env python3
"""Regenerates the image files the tests upload and the demo's image, with programs nobody on
this project wrote, so the Hub's checks are tested against what real programs write.

Usage: python3 scripts/image-fixtures/make.py
Needs Debian's chromium and python3-pil (Pillow). Writes, under src/platform/files/fixtures:

  chromium-screenshot.png  a page drawn and saved by `chromium --headless --screenshot`
  pillow-photo.jpg         a baseline JPEG written by Pillow
  pillow-progressive.jpg   a progressive JPEG written by Pillow (its size is in a different marker)
  pillow.gif               a GIF of one frame
  pillow-animated.gif      a GIF of three frames (moving: refused)
  pillow-lossy.webp        a lossy WebP (VP8)
  pillow-lossless.webp     a lossless WebP (VP8L)
  pillow-animated.webp     an animated WebP (VP8X with the animation flag: refused)
  pillow-animated.png      an animated PNG (APNG, an acTL chunk: refused)
  script.svg               an SVG carrying a script (refused whatever its name)
  page.png                 a web page (HTML) saved under an image's name (refused)

and src/bulletin/demo/oars.png, the demo edition's diagram of the OARS skills, drawn by Chromium
from words of our own.
"""

import os
import subprocess
import tempfile

from PIL import Image, ImageDraw

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), '..', '..'))
OUT = os.path.join(ROOT, 'src', 'platform', 'files', 'fixtures')
DEMO = os.path.join(ROOT, 'src', 'bulletin', 'demo', 'oars.png')

CHROMIUM_FLAGS = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--hide-scrollbars',
    '--force-device-scale-factor=1',
]


def screenshot(html, path, width, height):
    with tempfile.TemporaryDirectory() as tmp:
        page = os.path.join(tmp, 'page.html')
        with open(page, 'w', encoding='utf-8') as f:
            f.write(html)
        subprocess.run(
            ['/usr/bin/chromium', *CHROMIUM_FLAGS, f'--user-data-dir={os.path.join(tmp, "profile")}',
             f'--window-size={width},{height}', f'--screenshot={path}', f'file://{page}'],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def gradient(size, colours):
    w, h = size
    img = Image.new('RGB', size)
    draw = ImageDraw.Draw(img)
    (r1, g1, b1), (r2, g2, b2) = colours
    for y in range(h):
        t = y / max(h - 1, 1)
        draw.line([(0, y), (w, y)], fill=(int(r1 + (r2 - r1) * t), int(g1 + (g2 - g1) * t), int(b1 + (b2 - b1) * t)))
    draw.ellipse([w // 4, h // 4, 3 * w // 4, 3 * h // 4], outline=(255, 255, 255), width=4)
    return img


def frames(size, n):
    out = []
    for i in range(n):
        img = Image.new('RGB', size, (29, 112, 184))
        ImageDraw.Draw(img).rectangle([i * 10, 10, i * 10 + 30, 40], fill=(255, 221, 0))
        out.append(img)
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    screenshot("""<!doctype html><html lang="en"><body style="margin:0;font:24px Arial,sans-serif">
<div style="width:400px;height:200px;background:#1d70b8;color:#fff;display:flex;align-items:center;justify-content:center">Test card</div>
</body></html>""", os.path.join(OUT, 'chromium-screenshot.png'), 400, 200)
    gradient((320, 200), [(11, 12, 12), (29, 112, 184)]).save(os.path.join(OUT, 'pillow-photo.jpg'), quality=80)
    gradient((200, 320), [(0, 112, 60), (255, 221, 0)]).save(
        os.path.join(OUT, 'pillow-progressive.jpg'), quality=80, progressive=True)
    gradient((120, 80), [(212, 53, 28), (255, 255, 255)]).convert('P').save(os.path.join(OUT, 'pillow.gif'))
    first, *rest = frames((120, 60), 3)
    first.save(os.path.join(OUT, 'pillow-animated.gif'), save_all=True, append_images=rest, duration=200, loop=0)
    gradient((160, 90), [(77, 41, 145), (255, 255, 255)]).save(os.path.join(OUT, 'pillow-lossy.webp'), quality=60)
    gradient((150, 100), [(0, 48, 120), (133, 153, 75)]).save(os.path.join(OUT, 'pillow-lossless.webp'), lossless=True)
    first, *rest = frames((100, 50), 3)
    first.save(os.path.join(OUT, 'pillow-animated.webp'), save_all=True, append_images=rest, duration=200, loop=0)
    first, *rest = frames((90, 45), 3)
    first.save(os.path.join(OUT, 'pillow-animated.png'), save_all=True, append_images=rest, duration=200, loop=0)
    with open(os.path.join(OUT, 'script.svg'), 'w', encoding='utf-8') as f:
        f.write('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
                '<script>alert(document.cookie)</script><rect width="10" height="10"/></svg>\n')
    with open(os.path.join(OUT, 'page.png'), 'w', encoding='utf-8') as f:
        f.write('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>\n')

    box = ('flex:1;margin:0 12px;padding:24px 16px;color:#fff;border-radius:4px;'
           'display:flex;flex-direction:column;justify-content:center')
    skills = [
        ('O', 'Open questions', 'Tell me about…', '#1d70b8'),
        ('A', 'Affirmations', 'Name what is going well', '#00703c'),
        ('R', 'Reflections', 'It sounds as though…', '#4c2c92'),
        ('S', 'Summaries', 'So what you have told me is…', '#0b0c0c'),
    ]
    cards = ''.join(
        f'<div style="{box};background:{c}"><div style="font-size:72px;font-weight:700">{l}</div>'
        f'<div style="font-size:26px;font-weight:700;margin-top:8px">{t}</div>'
        f'<div style="font-size:20px;margin-top:12px">{e}</div></div>'
        for l, t, e, c in skills)
    screenshot(f"""<!doctype html><html lang="en-GB"><body style="margin:0;font-family:Arial,sans-serif;background:#f3f2f1">
<div style="padding:28px 24px 32px">
<div style="font-size:34px;font-weight:700;color:#0b0c0c;margin:0 12px 24px">OARS: four skills of motivational interviewing</div>
<div style="display:flex">{cards}</div></div></body></html>""", DEMO, 960, 360)


if __name__ == '__main__':
    main()
