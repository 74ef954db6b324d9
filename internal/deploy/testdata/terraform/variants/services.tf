resource "aws_ecs_service" "defaulted" {
  name            = "defaulted"
  task_definition = aws_ecs_task_definition.web.family
  load_balancer {
    target_group_arn = aws_lb_target_group.defaulted.arn
    container_name   = "web"
    container_port   = 8080
  }
}

resource "aws_ecs_service" "from_var" {
  name            = "from-var"
  task_definition = "worker:7"
  load_balancer {
    target_group_arn = aws_lb_target_group.from_var.arn
    container_name   = "worker"
    container_port   = 8080
  }
}

resource "aws_ecs_service" "no_default" {
  name            = "no-default"
  task_definition = aws_ecs_task_definition.api.arn
  load_balancer {
    target_group_arn = aws_lb_target_group.no_default.arn
    container_name   = "api"
    container_port   = 8080
  }
}

resource "aws_ecs_service" "quoted" {
  name            = "quoted"
  task_definition = aws_ecs_task_definition.templated.arn
  load_balancer {
    target_group_arn = aws_alb_target_group.quoted.arn
    container_name   = "app"
    container_port   = 8080
  }
}

resource "aws_ecs_service" "broken_delays" {
  task_definition = data.aws_ecs_task_definition.external.arn
  load_balancer {
    target_group_arn = aws_lb_target_group.negative.arn
    container_name   = "neg"
    container_port   = 80
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.word.arn
    container_name   = "word"
    container_port   = 80
  }
}

resource "aws_ecs_service" "classic" {
  name            = "classic"
  task_definition = aws_ecs_task_definition.web.arn
  load_balancer {
    elb_name       = aws_elb.classic.name
    container_name = "web"
    container_port = 8080
  }
  load_balancer {
    elb_name       = aws_elb.plain.name
    container_name = "web"
    container_port = 8080
  }
}
