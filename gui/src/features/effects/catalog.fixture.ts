/**
 * Catalog entries as `GET /api/v1/effects` answers them (copied from a running
 * server's output), for the panel's component tests.
 */
import type { Effect } from "./types";

export const catalogFixture: Effect[] = [
  {
    "effect_type": "text_overlay",
    "name": "Text overlay",
    "description": "Draws text over the video, exactly as typed (no % expansion), at a preset position or at x/y expressions, optionally on a box and fading in and out.",
    "applies_to": "video",
    "parameter_schema": {
      "type": "object",
      "properties": {
        "text": {
          "type": "string",
          "minLength": 1,
          "maxLength": 1000,
          "pattern": "^[^\\x00\\ud800-\\udfff]*$",
          "description": "text without NUL characters or unpaired surrogates"
        },
        "font_size": {
          "type": "integer",
          "minimum": 8,
          "maximum": 400
        },
        "color": {
          "type": "string",
          "maxLength": 40,
          "pattern": "^(?:white|black|red|green|blue|yellow|cyan|magenta|gray|grey|orange|purple|pink|brown|navy|silver|gold|lime|maroon|olive|teal|violet|#[0-9A-Fa-f]{6}(?:[0-9A-Fa-f]{2})?)(?:@(?:0(?:\\.[0-9]{1,3})?|1(?:\\.0{1,3})?|\\.[0-9]{1,3}))?$",
          "description": "a colour: a name (white, black, red, ...) or #RRGGBB[AA], optionally @alpha (0-1)"
        },
        "position": {
          "enum": [
            "bottom",
            "bottom_left",
            "bottom_right",
            "center",
            "top",
            "top_left",
            "top_right"
          ]
        },
        "x": {
          "type": "string",
          "minLength": 1,
          "maxLength": 200
        },
        "y": {
          "type": "string",
          "minLength": 1,
          "maxLength": 200
        },
        "box": {
          "type": "boolean"
        },
        "box_color": {
          "type": "string",
          "maxLength": 40,
          "pattern": "^(?:white|black|red|green|blue|yellow|cyan|magenta|gray|grey|orange|purple|pink|brown|navy|silver|gold|lime|maroon|olive|teal|violet|#[0-9A-Fa-f]{6}(?:[0-9A-Fa-f]{2})?)(?:@(?:0(?:\\.[0-9]{1,3})?|1(?:\\.0{1,3})?|\\.[0-9]{1,3}))?$",
          "description": "a colour: a name (white, black, red, ...) or #RRGGBB[AA], optionally @alpha (0-1)"
        },
        "fade_in": {
          "type": "integer",
          "minimum": 0,
          "maximum": 100000
        },
        "fade_out": {
          "type": "integer",
          "minimum": 0,
          "maximum": 100000
        }
      },
      "required": [
        "text"
      ],
      "additionalProperties": false
    },
    "ai_hints": {
      "text": {
        "meaning": "the text to draw; drawn literally, newlines start new lines",
        "typical": "a title or caption of a few words",
        "examples": [
          "Hello",
          "Chapter 1: it's 50% done",
          "first line\nsecond line"
        ]
      },
      "font_size": {
        "meaning": "glyph height in output pixels",
        "typical": "24-96 for 1080p",
        "examples": [
          24,
          48,
          96
        ]
      },
      "color": {
        "meaning": "text colour",
        "typical": "white or yellow; #RRGGBB",
        "examples": [
          "white",
          "yellow",
          "#FF8800@0.8"
        ]
      },
      "position": {
        "meaning": "where the text goes when x/y are not given",
        "typical": "bottom for captions, center for titles",
        "examples": [
          "bottom",
          "center",
          "top_left"
        ]
      },
      "x": {
        "meaning": "horizontal position expression (w: frame width, text_w: text width)",
        "typical": "(w-text_w)/2 to centre",
        "examples": [
          "(w-text_w)/2",
          "20",
          "w-text_w-20"
        ]
      },
      "y": {
        "meaning": "vertical position expression (h: frame height, text_h: text height)",
        "typical": "h-text_h-20 near the bottom",
        "examples": [
          "(h-text_h)/2",
          "20",
          "h-text_h-20"
        ]
      },
      "box": {
        "meaning": "draw a box behind the text",
        "typical": "true for readability",
        "examples": [
          true,
          false
        ]
      },
      "box_color": {
        "meaning": "the box's colour and opacity",
        "typical": "black@0.5",
        "examples": [
          "black@0.5",
          "#000000@0.8"
        ]
      },
      "fade_in": {
        "meaning": "frames over which the text fades in from the clip's start",
        "typical": "0-30",
        "examples": [
          0,
          10
        ]
      },
      "fade_out": {
        "meaning": "frames over which the text fades out before the clip's end",
        "typical": "0-30",
        "examples": [
          0,
          10
        ]
      }
    },
    "examples": [
      {
        "text": "Hello, world",
        "font_size": 48,
        "position": "center"
      },
      {
        "text": "Caption: it's 100% literal",
        "box": true,
        "box_color": "black@0.6"
      },
      {
        "text": "Title",
        "x": "20",
        "y": "h-text_h-20",
        "color": "yellow",
        "fade_in": 5
      },
      {
        "text": "Goodbye",
        "position": "bottom",
        "fade_in": 3,
        "fade_out": 3
      }
    ],
    "filter_preview": "drawtext=text=\\'Hello\\, world\\':expansion=none:fontfile=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf:fontsize=48:fontcolor=white:x=(w-text_w)/2:y=(h-text_h)/2"
  },
  {
    "effect_type": "speed",
    "name": "Speed",
    "description": "Plays the clip faster or slower: video through setpts, its audio through chained atempo steps (pitch kept). The clip's timeline length becomes ceil((out_point - in_point) / factor).",
    "applies_to": "video",
    "parameter_schema": {
      "type": "object",
      "properties": {
        "factor": {
          "type": "number",
          "minimum": 0.25,
          "maximum": 4
        }
      },
      "required": [
        "factor"
      ],
      "additionalProperties": false
    },
    "ai_hints": {
      "factor": {
        "meaning": "playback speed: 2 is twice as fast (half as long), 0.5 half as fast",
        "typical": "0.5-2",
        "examples": [
          0.25,
          0.5,
          1.5,
          2,
          4
        ]
      }
    },
    "examples": [
      {
        "factor": 2
      },
      {
        "factor": 0.5
      },
      {
        "factor": 0.3
      },
      {
        "factor": 4
      }
    ],
    "filter_preview": "setpts=PTS/2"
  },
  {
    "effect_type": "volume",
    "name": "Volume",
    "description": "Makes the clip's audio louder or quieter, in decibels or as a linear factor.",
    "applies_to": "audio",
    "parameter_schema": {
      "type": "object",
      "properties": {
        "gain_db": {
          "type": "number",
          "minimum": -60,
          "maximum": 24
        },
        "factor": {
          "type": "number",
          "minimum": 0,
          "maximum": 16
        }
      },
      "required": [],
      "additionalProperties": false
    },
    "ai_hints": {
      "gain_db": {
        "meaning": "gain in decibels; -6 halves the amplitude, 0 keeps it",
        "typical": "-12 to +6",
        "examples": [
          -12,
          -6,
          3
        ]
      },
      "factor": {
        "meaning": "linear amplitude factor (use instead of gain_db); 0 mutes",
        "typical": "0.5-2",
        "examples": [
          0,
          0.5,
          2
        ]
      }
    },
    "examples": [
      {
        "gain_db": -6
      },
      {
        "factor": 1.5
      },
      {
        "gain_db": 24
      }
    ],
    "filter_preview": "volume=volume=-6dB"
  }
];

export function catalogEntry(effectType: Effect["effect_type"]): Effect {
  const entry = catalogFixture.find((effect) => effect.effect_type === effectType);
  if (!entry) throw new Error(`no fixture for ${effectType}`);
  return entry;
}
