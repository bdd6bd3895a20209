window.SupportChatTest = true;
