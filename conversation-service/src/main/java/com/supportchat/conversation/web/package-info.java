/** HTTP: the widget API, the operator API, Server-Sent Events, security and problem details. Turns requests into calls on the features; the features never see web types. */
package com.supportchat.conversation.web;
