"""linebot_fp: a functional SDK for the LINE Messaging API."""
