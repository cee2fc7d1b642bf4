"""Bedside tools a module places where it teaches them: score calculators and the breathing chart."""
